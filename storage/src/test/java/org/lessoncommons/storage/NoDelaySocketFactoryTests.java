package org.lessoncommons.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTests {

    private final NoDelaySocketFactory factory = new NoDelaySocketFactory();

    @Test
    void unconnectedSocketsAsOkHttpAsksForThemHaveNagleOff() throws IOException {
        try (Socket socket = factory.createSocket()) {

            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void connectedSocketsHaveNagleOff() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket socket = factory.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {

            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }
}
