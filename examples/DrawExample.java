import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Draws the built-in example: a small Instagram export (posts_1.json + media) with simple drawn pictures.
 * Run from the repository root with {@code java examples/DrawExample.java}; it rewrites examples/instagram-export.
 * The captions are stored the way Instagram writes them: UTF-8 bytes escaped as Latin-1 (mojibake).
 */
public class DrawExample {
    record Post(String caption, long time, List<Consumer<Graphics2D>> pictures) {}

    static final int W = 320, H = 240;

    public static void main(String[] args) throws IOException {
        Path root = Path.of("examples/instagram-export");
        List<Post> posts = List.of(
            new Post("Coucher de soleil sur la mer à Biarritz 🌅 #sunset #ocean", 1688239800, List.of(DrawExample::sunset)),
            new Post("Our little boat on Lake Annecy this morning #lake", 1690096200, List.of(DrawExample::boat)),
            new Post("Minou asleep on the new couch 🐈", 1673778600, List.of(DrawExample::cat)),
            new Post("Fresh snow on the peaks, first ski day of the season ⛷️", 1671190200, List.of(DrawExample::snow)),
            new Post("Forest walk after the rain #nature", 1696150800, List.of(DrawExample::forest)),
            new Post("City lights from the rooftop bar, Lyon by night", 1699906800, List.of(DrawExample::city)),
            new Post("My new red bike! 🚲", 1682683200, List.of(DrawExample::bike)),
            new Post("Gâteau d'anniversaire pour les 30 ans de Léa 🎂", 1678536000, List.of(DrawExample::cake)),
            new Post("Lazy afternoon under the beach umbrella #summer", 1691843400, List.of(DrawExample::beach)),
            new Post("Morning espresso at the corner café ☕", 1694415600, List.of(DrawExample::coffee)),
            new Post("Rex chasing his ball in the park 🐕", 1685088000, List.of(DrawExample::dog)),
            new Post("Weekend in Paris: the Eiffel Tower, then a croissant", 1697284800,
                    List.of(DrawExample::tower, DrawExample::croissant)));
        StringBuilder json = new StringBuilder("[\n");
        int n = 0;
        for (Post post : posts) {
            String month = java.time.Instant.ofEpochSecond(post.time()).toString().substring(0, 7).replace("-", "");
            List<String> media = new ArrayList<>();
            for (Consumer<Graphics2D> picture : post.pictures()) {
                String uri = "media/posts/" + month + "/example_" + (++n) + ".jpg";
                BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                picture.accept(g);
                g.dispose();
                Path file = root.resolve(uri);
                Files.createDirectories(file.getParent());
                ImageIO.write(image, "jpg", file.toFile());
                media.add(uri);
            }
            boolean carousel = media.size() > 1;
            json.append("  {\n    \"media\": [\n");
            for (int i = 0; i < media.size(); i++) {
                json.append("      {\"uri\": \"").append(media.get(i)).append("\", \"creation_timestamp\": ")
                    .append(post.time()).append(", \"title\": \"")
                    .append(carousel ? "" : mojibake(post.caption())).append("\"}")
                    .append(i + 1 < media.size() ? ",\n" : "\n");
            }
            json.append("    ]");
            if (carousel) {
                json.append(",\n    \"title\": \"").append(mojibake(post.caption())).append("\",\n")
                    .append("    \"creation_timestamp\": ").append(post.time());
            }
            json.append("\n  }").append(n < 13 ? ",\n" : "\n");
        }
        json.append("]\n");
        Path posts1 = root.resolve("your_instagram_activity/content/posts_1.json");
        Files.createDirectories(posts1.getParent());
        Files.writeString(posts1, json.toString(), StandardCharsets.US_ASCII);
    }

    /** UTF-8 bytes written as \\u00XX escapes, as Instagram's export does. */
    static String mojibake(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && c != '"' && c != '\\') out.append((char) c);
            else out.append(String.format("\\u%04x", c));
        }
        return out.toString();
    }

    static void sky(Graphics2D g, Color top, Color bottom, int horizon) {
        g.setPaint(new GradientPaint(0, 0, top, 0, horizon, bottom));
        g.fillRect(0, 0, W, horizon);
    }

    static void sunset(Graphics2D g) {
        sky(g, new Color(250, 120, 40), new Color(255, 200, 90), 150);
        g.setColor(new Color(255, 230, 120)); g.fillOval(130, 110, 60, 60);
        g.setColor(new Color(30, 60, 120)); g.fillRect(0, 150, W, 90);
    }

    static void boat(Graphics2D g) {
        sky(g, new Color(150, 200, 250), new Color(220, 240, 255), 120);
        g.setColor(new Color(70, 110, 60)); g.fillPolygon(new int[]{0, 90, 200, 320, 320, 0}, new int[]{120, 60, 110, 70, 120, 120}, 6);
        g.setColor(new Color(40, 110, 170)); g.fillRect(0, 120, W, 120);
        g.setColor(new Color(120, 70, 30)); g.fillPolygon(new int[]{110, 210, 190, 130}, new int[]{170, 170, 190, 190}, 4);
        g.setColor(Color.WHITE); g.fillPolygon(new int[]{160, 160, 200}, new int[]{100, 165, 165}, 3);
    }

    static void cat(Graphics2D g) {
        g.setColor(new Color(230, 220, 200)); g.fillRect(0, 0, W, H);
        g.setColor(new Color(120, 40, 50)); g.fillRoundRect(20, 110, 280, 100, 30, 30); g.fillRoundRect(20, 70, 280, 60, 30, 30);
        g.setColor(new Color(90, 90, 90)); g.fillOval(110, 100, 110, 50); g.fillOval(190, 85, 45, 40);
        g.fillPolygon(new int[]{195, 200, 210}, new int[]{95, 75, 90}, 3); g.fillPolygon(new int[]{218, 228, 232}, new int[]{90, 75, 95}, 3);
    }

    static void snow(Graphics2D g) {
        sky(g, new Color(60, 120, 220), new Color(170, 210, 250), 240);
        g.setColor(new Color(110, 110, 130)); g.fillPolygon(new int[]{0, 100, 180, 260, 320, 320, 0}, new int[]{200, 60, 140, 40, 160, 240, 240}, 7);
        g.setColor(Color.WHITE); g.fillPolygon(new int[]{80, 100, 122}, new int[]{85, 60, 88}, 3); g.fillPolygon(new int[]{235, 260, 285}, new int[]{80, 40, 90}, 3);
        g.fillRect(0, 200, W, 40);
    }

    static void forest(Graphics2D g) {
        g.setColor(new Color(200, 215, 200)); g.fillRect(0, 0, W, H);
        g.setColor(new Color(90, 70, 40)); g.fillRect(0, 200, W, 40);
        for (int x = 10; x < W; x += 45) {
            g.setColor(new Color(20, 90 + x % 60, 40)); g.fillPolygon(new int[]{x, x + 25, x + 50}, new int[]{200, 40 + x % 50, 200}, 3);
        }
    }

    static void city(Graphics2D g) {
        g.setColor(new Color(10, 10, 35)); g.fillRect(0, 0, W, H);
        for (int x = 0; x < W; x += 40) {
            int h = 80 + (x * 37) % 120;
            g.setColor(new Color(30, 30, 50)); g.fillRect(x, H - h, 36, h);
            g.setColor(new Color(255, 210, 90));
            for (int y = H - h + 8; y < H - 8; y += 16) for (int wx = x + 5; wx < x + 30; wx += 12) if ((wx + y) % 3 != 0) g.fillRect(wx, y, 6, 8);
        }
    }

    static void bike(Graphics2D g) {
        g.setColor(new Color(235, 235, 235)); g.fillRect(0, 0, W, H);
        g.setColor(new Color(200, 20, 30)); g.setStroke(new BasicStroke(8));
        g.drawOval(40, 110, 90, 90); g.drawOval(190, 110, 90, 90);
        g.drawLine(85, 155, 150, 155); g.drawLine(150, 155, 235, 155); g.drawLine(150, 155, 120, 95); g.drawLine(120, 95, 200, 95); g.drawLine(200, 95, 235, 155);
    }

    static void cake(Graphics2D g) {
        g.setColor(new Color(250, 225, 235)); g.fillRect(0, 0, W, H);
        g.setColor(new Color(110, 60, 30)); g.fillRect(80, 120, 160, 80);
        g.setColor(Color.WHITE); g.fillRect(80, 110, 160, 20);
        for (int x = 110; x <= 210; x += 33) { g.setColor(new Color(80, 140, 230)); g.fillRect(x, 80, 8, 30); g.setColor(Color.ORANGE); g.fillOval(x - 2, 66, 12, 16); }
    }

    static void beach(Graphics2D g) {
        sky(g, new Color(90, 170, 240), new Color(200, 230, 250), 110);
        g.setColor(new Color(30, 120, 190)); g.fillRect(0, 110, W, 40);
        g.setColor(new Color(240, 215, 150)); g.fillRect(0, 150, W, 90);
        g.setColor(new Color(230, 60, 60)); g.fillArc(150, 100, 120, 70, 0, 180);
        g.setColor(Color.DARK_GRAY); g.setStroke(new BasicStroke(4)); g.drawLine(210, 135, 210, 215);
    }

    static void coffee(Graphics2D g) {
        g.setColor(new Color(160, 110, 70)); g.fillRect(0, 0, W, H);
        g.setColor(Color.WHITE); g.fillOval(90, 110, 140, 70); g.fillRoundRect(120, 80, 80, 70, 20, 20);
        g.setColor(new Color(60, 30, 15)); g.fillOval(128, 84, 64, 18);
    }

    static void dog(Graphics2D g) {
        sky(g, new Color(140, 200, 250), new Color(200, 230, 255), 120);
        g.setColor(new Color(80, 170, 60)); g.fillRect(0, 120, W, 120);
        g.setColor(new Color(150, 100, 50)); g.fillOval(100, 130, 100, 50); g.fillOval(185, 110, 45, 40); g.fillRect(110, 170, 12, 35); g.fillRect(175, 170, 12, 35);
        g.setColor(new Color(240, 240, 40)); g.fillOval(250, 180, 22, 22);
    }

    static void tower(Graphics2D g) {
        sky(g, new Color(120, 170, 230), new Color(210, 225, 240), 240);
        g.setColor(new Color(100, 80, 60)); g.setStroke(new BasicStroke(5));
        g.drawLine(160, 20, 110, 230); g.drawLine(160, 20, 210, 230); g.drawLine(128, 150, 192, 150); g.drawLine(143, 90, 177, 90);
    }

    static void croissant(Graphics2D g) {
        g.setColor(new Color(245, 240, 230)); g.fillRect(0, 0, W, H);
        g.setColor(new Color(210, 150, 60)); g.fillArc(80, 70, 160, 120, 200, 140);
        g.setColor(new Color(190, 120, 40)); g.fillArc(100, 90, 120, 90, 210, 120);
    }
}
