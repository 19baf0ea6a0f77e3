package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lessoncommons.ingest.ExtractionProtocol.Reply;
import org.lessoncommons.ingest.ExtractionProtocol.Request;

class ExtractionProtocolTests {

    @Test
    void aRequestSurvivesTheRoundTrip() throws IOException {
        Request request = new Request("/tmp/上传 1.bin", "鸡兔同笼-板书.png", 2_000_000);

        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ExtractionProtocol.write(new DataOutputStream(wire), request);

        assertThat(ExtractionProtocol.readRequest(in(wire.toByteArray()))).contains(request);
    }

    @Test
    void aReplySurvivesTheRoundTrip() throws IOException {
        Reply reply = Reply.extracted("text/plain; charset=GB18030", true, "京剧脸谱\n\n关羽");

        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ExtractionProtocol.write(new DataOutputStream(wire), reply);

        assertThat(ExtractionProtocol.readReply(in(wire.toByteArray()), 1024)).isEqualTo(reply);
    }

    @Test
    void aClosedStreamBetweenRequestsMeansNoMoreWork() throws IOException {
        assertThat(ExtractionProtocol.readRequest(in(new byte[0]))).isEmpty();
    }

    @Test
    void strayOutputIsNotMistakenForAReply() {
        byte[] noise = "Warning: font not found\n".getBytes(StandardCharsets.UTF_8);

        assertThatExceptionOfType(ExtractionProtocol.MalformedFrame.class)
                .isThrownBy(() -> ExtractionProtocol.readReply(in(noise), 1024));
    }

    @Test
    void aReplyLargerThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ExtractionProtocol.write(new DataOutputStream(wire), Reply.extracted("text/plain", false, "字".repeat(1000)));

        assertThatExceptionOfType(ExtractionProtocol.MalformedFrame.class)
                .isThrownBy(() -> ExtractionProtocol.readReply(in(wire.toByteArray()), 1000))
                .withMessageContaining("exceeds the limit");
    }

    @Test
    void aReplyCutShortIsAnEndOfStream() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ExtractionProtocol.write(new DataOutputStream(wire), Reply.unreadable("zip bomb"));
        byte[] cut = Arrays.copyOf(wire.toByteArray(), wire.size() - 3);

        assertThatExceptionOfType(EOFException.class).isThrownBy(() -> ExtractionProtocol.readReply(in(cut), 1024));
    }

    @Test
    void theReplyLimitFitsTheLongestText() {
        assertThat(ExtractionProtocol.maxReplyBytes(1000)).isGreaterThanOrEqualTo(3 * 1000);
        assertThat(ExtractionProtocol.maxReplyBytes(Integer.MAX_VALUE)).isPositive();
    }

    private static DataInputStream in(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}
