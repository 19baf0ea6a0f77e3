package org.lessoncommons.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The frames {@link ExtractionProcess} and {@link ExtractionServer} exchange over the child's stdin
 * and stdout: a magic number, the payload length, then the payload. The magic number catches a
 * library that writes to the real stdout behind the server's back.
 */
final class ExtractionProtocol {

    private static final int MAGIC = 0x4C43_5831;
    private static final int MAX_REQUEST_BYTES = 1 << 20;

    /** Parse the file at {@code path}; {@code fileName} is only a hint for type detection. */
    record Request(String path, String fileName, int maxChars) {}

    enum Status {
        READY,
        EXTRACTED,
        UNREADABLE
    }

    /** {@code text} is the extracted text, or the reason when the document is unreadable. */
    record Reply(Status status, String contentType, boolean truncated, String text) {

        static Reply ready() {
            return new Reply(Status.READY, "", false, "");
        }

        static Reply extracted(String contentType, boolean truncated, String text) {
            return new Reply(Status.EXTRACTED, contentType, truncated, text);
        }

        static Reply unreadable(String reason) {
            return new Reply(Status.UNREADABLE, "", false, reason);
        }
    }

    /** The other side wrote something that is not a frame of this protocol. */
    static final class MalformedFrame extends IOException {

        MalformedFrame(String message) {
            super(message);
        }
    }

    private ExtractionProtocol() {}

    static void write(DataOutputStream out, Request request) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream payload = new DataOutputStream(bytes);
        writeString(payload, request.path());
        writeString(payload, request.fileName());
        payload.writeInt(request.maxChars());
        frame(out, bytes);
    }

    /** Empty when the other side closed the stream between frames. */
    static Optional<Request> readRequest(DataInputStream in) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            return Optional.empty();
        }
        DataInputStream payload = payload(in, magic, MAX_REQUEST_BYTES);
        return Optional.of(new Request(readString(payload), readString(payload), payload.readInt()));
    }

    static void write(DataOutputStream out, Reply reply) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream payload = new DataOutputStream(bytes);
        payload.writeByte(reply.status().ordinal());
        writeString(payload, reply.contentType());
        payload.writeBoolean(reply.truncated());
        writeString(payload, reply.text());
        frame(out, bytes);
    }

    static Reply readReply(DataInputStream in, int maxBytes) throws IOException {
        DataInputStream payload = payload(in, in.readInt(), maxBytes);
        int status = payload.readUnsignedByte();
        if (status >= Status.values().length) {
            throw new MalformedFrame("unknown status " + status);
        }
        return new Reply(Status.values()[status], readString(payload), payload.readBoolean(), readString(payload));
    }

    /** The largest reply a text of {@code maxChars} characters can need. */
    static int maxReplyBytes(int maxChars) {
        return (int) Math.min(Integer.MAX_VALUE - 8, 3L * maxChars + (64 << 10));
    }

    private static void frame(DataOutputStream out, ByteArrayOutputStream payload) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(payload.size());
        payload.writeTo(out);
        out.flush();
    }

    private static DataInputStream payload(DataInputStream in, int magic, int maxBytes) throws IOException {
        if (magic != MAGIC) {
            throw new MalformedFrame("no frame header (something else wrote to the stream)");
        }
        int length = in.readInt();
        if (length < 0 || length > maxBytes) {
            throw new MalformedFrame("frame of " + length + " bytes exceeds the limit of " + maxBytes);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new MalformedFrame("string of " + length + " bytes overruns its frame");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
