package dev.photosearch.vision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Says how detected objects stand to each other, from their boxes alone, the way detection-based captioners did
 * before neural captioning: "a person riding a horse", "a cat on a bed", "a person holding an umbrella",
 * "a close-up of a pizza".
 */
final class Relations {

    private static final Set<String> MOUNTS = Set.of("horse", "bicycle", "motorcycle", "elephant", "skateboard",
            "surfboard", "skis", "snowboard", "boat");
    private static final Set<String> SURFACES = Set.of("bed", "couch", "chair", "dining table", "bench",
            "toilet", "suitcase");
    private static final Set<String> SEATS = Set.of("chair", "couch", "bench");
    private static final Set<String> BACKDROPS = Set.of("bus", "train", "truck", "car", "airplane", "refrigerator");
    private static final Set<String> HELD = Set.of("umbrella", "cell phone", "tennis racket", "baseball bat",
            "frisbee", "cup", "wine glass", "bottle", "hot dog", "donut", "sandwich", "toothbrush", "remote", "book",
            "knife", "fork", "banana", "pizza", "teddy bear", "kite", "handbag");
    private static final Set<String> BEINGS = Set.of("person", "dog", "cat", "horse", "sheep", "cow", "elephant",
            "bear", "zebra", "giraffe", "bird");
    /** Share of the picture an object must fill to be seen from close up. */
    static final double CLOSE_UP = 0.45;
    private static final int MAX_RELATIONS = 3;
    private static final String RIDING = "riding";
    private static final String ON = "on";
    private static final String SITTING_ON = "sitting on";
    private static final String HOLDING = "holding";
    private static final String IN_FRONT_OF = "in front of";
    private static final String NEXT_TO = "next to";
    private static final String CLOSE_UP_OF = "a close-up of";

    /** How one object can stand to another, and the words between their names ("riding", given the second). */
    private record Kind(BiPredicate<Region, Region> holds, Function<Region, String> link) {}

    /** The directed kinds, most telling first; "next to" goes both ways and comes last. */
    private static final List<Kind> KINDS = List.of(
            new Kind(Relations::riding, mount -> mount.label().equals("skis") || mount.label().equals("snowboard")
                    ? ON : RIDING),
            new Kind(Relations::sitting, seat -> SITTING_ON),
            new Kind(Relations::on, surface -> ON),
            new Kind(Relations::holding, held -> HOLDING),
            new Kind(Relations::inFrontOf, backdrop -> IN_FRONT_OF));

    private Relations() {}

    /** At most three relations, the most telling kinds first, each pair of classes said once. */
    static List<String> of(List<Region> objects, Map<String, ObjectClass> classes) {
        Set<String> said = new LinkedHashSet<>();
        for (Kind kind : KINDS) {
            for (Region a : objects) {
                for (Region b : objects) {
                    if (a != b && kind.holds().test(a, b)) {
                        said.add(named(a, classes) + " " + kind.link().apply(b) + " " + named(b, classes));
                    }
                }
            }
        }
        for (int i = 0; i < objects.size(); i++) {
            for (int j = i + 1; j < objects.size(); j++) {
                if (nextTo(objects.get(i), objects.get(j))) {
                    said.add(named(objects.get(i), classes) + " " + NEXT_TO + " " + named(objects.get(j), classes));
                }
            }
        }
        return new ArrayList<>(said).subList(0, Math.min(MAX_RELATIONS, said.size()));
    }

    /** "a close-up of a pizza" when one object fills most of the picture, else empty. */
    static String closeUp(List<Region> objects, Map<String, ObjectClass> classes) {
        return objects.stream().filter(o -> o.width() * o.height() >= CLOSE_UP).findFirst()
                .map(o -> CLOSE_UP_OF + " " + named(o, classes)).orElse("");
    }

    /** Every phrase that links or frames object names. */
    static List<String> words() {
        return List.of(RIDING, ON, SITTING_ON, HOLDING, IN_FRONT_OF, NEXT_TO, CLOSE_UP_OF);
    }

    static boolean riding(Region rider, Region mount) {
        return rider.label().equals("person") && MOUNTS.contains(mount.label())
                && horizontalOverlap(rider, mount) >= 0.5 * Math.min(rider.width(), mount.width())
                && centreY(rider) < centreY(mount)
                && bottom(rider) > mount.y() && bottom(rider) < bottom(mount) + 0.1 * mount.height();
    }

    static boolean sitting(Region person, Region seat) {
        return person.label().equals("person") && SEATS.contains(seat.label())
                && horizontalOverlap(person, seat) >= 0.5 * Math.min(person.width(), seat.width())
                && centreY(person) < centreY(seat)
                && bottom(person) > seat.y() + 0.3 * seat.height()
                && bottom(person) < bottom(seat) + 0.1 * seat.height();
    }

    /** A person or animal standing before a large object that fills the picture behind it. */
    static boolean inFrontOf(Region being, Region backdrop) {
        return BEINGS.contains(being.label()) && BACKDROPS.contains(backdrop.label())
                && centreX(being) > backdrop.x() && centreX(being) < backdrop.x() + backdrop.width()
                && bottom(being) >= bottom(backdrop) - 0.1 * backdrop.height()
                && being.y() < bottom(backdrop) - 0.3 * backdrop.height()
                && being.width() * being.height() < backdrop.width() * backdrop.height();
    }

    static boolean on(Region thing, Region surface) {
        return !thing.label().equals("person") && SURFACES.contains(surface.label())
                && !SURFACES.contains(thing.label())
                && centreX(thing) > surface.x() && centreX(thing) < surface.x() + surface.width()
                && bottom(thing) > surface.y() && bottom(thing) <= bottom(surface) + 0.05
                && centreY(thing) < centreY(surface) + 0.25 * surface.height()
                && thing.width() * thing.height() < surface.width() * surface.height();
    }

    static boolean holding(Region person, Region held) {
        return person.label().equals("person") && HELD.contains(held.label())
                && held.width() * held.height() < 0.5 * person.width() * person.height()
                && centreX(held) > person.x() - 0.1 * person.width()
                && centreX(held) < person.x() + 1.1 * person.width()
                && centreY(held) > person.y() && centreY(held) < person.y() + 0.8 * person.height();
    }

    static boolean nextTo(Region a, Region b) {
        if (!BEINGS.contains(a.label()) || !BEINGS.contains(b.label()) || a.label().equals(b.label())) {
            return false;
        }
        double verticalOverlap = Math.min(bottom(a), bottom(b)) - Math.max(a.y(), b.y());
        double gap = Math.max(a.x(), b.x()) - Math.min(a.x() + a.width(), b.x() + b.width());
        return verticalOverlap >= 0.5 * Math.min(a.height(), b.height()) && gap < 0.15;
    }

    private static String named(Region region, Map<String, ObjectClass> classes) {
        return ObjectSummary.counted(ObjectClass.of(region.label(), classes), 1);
    }

    private static double horizontalOverlap(Region a, Region b) {
        return Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
    }

    private static double centreX(Region r) {
        return r.x() + r.width() / 2;
    }

    private static double centreY(Region r) {
        return r.y() + r.height() / 2;
    }

    private static double bottom(Region r) {
        return r.y() + r.height();
    }
}
