package dev.photosearch.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand on a socket, for what a browser or an attacker sends and java.net.http refuses to: any
 * Host header, raw "..", broken percent-encoding, a body that trickles in.
 */
final class RawHttp implements AutoCloseable {

    /** A status and a body. */
    record Answer(int status, String head, String body) {}

    private final Socket socket;

    RawHttp(String host, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(10_000);
    }

    /** Sends a request with {@code Connection: close} and reads the whole answer. */
    static Answer exchange(int port, String method, String target, String headers, String body) throws IOException {
        try (RawHttp http = new RawHttp("127.0.0.1", port)) {
            http.write(method + " " + target + " HTTP/1.1\r\n" + headers + (headers.contains("Host:") ? ""
                    : "Host: 127.0.0.1:" + port + "\r\n") + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8)
                    .length + "\r\nConnection: close\r\n\r\n" + body);
            return http.read();
        }
    }

    /** Writes {@code text}; a server that answers and closes before the end of a large body is not an error here. */
    void write(String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (SocketException e) {
            socket.shutdownOutput();
        }
    }

    /** The answer when the server has begun one within a moment (it then closes), else null. */
    Answer readIfAny() throws IOException {
        socket.setSoTimeout(200);
        try {
            int first = socket.getInputStream().read();
            if (first < 0) {
                return new Answer(-1, "", "");
            }
            socket.setSoTimeout(10_000);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(first);
            socket.getInputStream().transferTo(all);
            return parse(all.toString(StandardCharsets.UTF_8));
        } catch (java.net.SocketTimeoutException e) {
            return null;
        }
    }

    /** Reads until the server closes the connection. */
    Answer read() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return parse(all.toString(StandardCharsets.UTF_8));
    }

    private static Answer parse(String text) {
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
        return new Answer(status, head, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return body.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
