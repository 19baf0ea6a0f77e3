package org.lessoncommons.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The timed HTTP legs' client: one keep-alive HTTP/1.1 connection per thread, blocking reads on
 * the calling thread, the whole body read (Content-Length or chunked), as {@code wrk} does. Java's
 * {@code HttpClient} hands every request to a selector thread and back, which on two cores shared
 * with the server added 5–10 ms a request (wrk saw an empty search answered in 1.6 ms, the
 * HttpClient 7 ms); that is the client's time, not the API's. Connections end with their threads;
 * the server closes idle ones.
 */
final class KeepAliveClient {

    private final String host;
    private final int port;
    private final String cookie;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    KeepAliveClient(String host, int port, String cookie) {
        this.host = host;
        this.port = port;
        this.cookie = cookie;
    }

    /** GET that must answer 200; returns the body as UTF-8. */
    String getOk(String pathAndQuery) throws IOException {
        Connection connection = connections.get();
        boolean reused = connection != null;
        if (!reused) {
            connection = connect();
        }
        try {
            return connection.get(pathAndQuery);
        } catch (StaleConnection e) {
            // The server closed the idle connection (its keep-alive timeout): once more on a new one.
            connection.socket.close();
            if (!reused) {
                throw e;
            }
            return connect().get(pathAndQuery);
        }
    }

    private Connection connect() throws IOException {
        Connection connection = new Connection(new Socket());
        connection.socket.setTcpNoDelay(true);
        connection.socket.connect(new InetSocketAddress(host, port), 5_000);
        connection.socket.setSoTimeout(60_000);
        connections.set(connection);
        return connection;
    }

    /** The connection was closed before the response began. */
    private static final class StaleConnection extends IOException {
        StaleConnection() {
            super("The server closed the connection");
        }
    }

    private final class Connection {

        private final Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(Socket socket) {
            this.socket = socket;
        }

        String get(String pathAndQuery) throws IOException {
            if (in == null) {
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                out = socket.getOutputStream();
            }
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port
                            + "\r\nAccept: application/json\r\nCookie: " + cookie + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int first = in.read();
            if (first < 0) {
                throw new StaleConnection();
            }
            String status = (char) first + line();
            int code = Integer.parseInt(status.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                } else if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
                        size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    copy(size, body);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                copy(length, body);
            } else {
                throw new IOException("A response without a length cannot be kept alive");
            }
            if (close) {
                // Tomcat closes a connection after 100 requests; the next request opens another.
                socket.close();
                connections.remove();
            }
            String text = body.toString(StandardCharsets.UTF_8);
            if (code != 200) {
                throw new IllegalStateException("GET " + pathAndQuery + " answered " + code + ": " + text);
            }
            return text;
        }

        private void copy(long n, ByteArrayOutputStream to) throws IOException {
            byte[] buffer = new byte[8192];
            while (n > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
                if (read < 0) {
                    throw new IOException("Connection closed in a response body");
                }
                to.write(buffer, 0, read);
                n -= read;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("Connection closed in a response head");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
