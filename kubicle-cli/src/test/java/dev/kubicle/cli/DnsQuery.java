package dev.kubicle.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One DNS question for an A record over UDP, written and read by hand (RFC 1035), so that a test can show that
 * UDP from the host reaches a DNS server in the cluster without any tool on the host.
 */
final class DnsQuery {
    private static final int TYPE_A = 1;
    /** Type, class, TTL and data length of an answer. */
    private static final int FIXED_FIELDS = 10;

    private DnsQuery() {
    }

    /** The first IPv4 address in the answer; fails when no answer comes within five seconds. */
    static byte[] resolve(String host, int port, String name) throws IOException {
        byte[] question = question(name);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(5000);
            socket.send(new DatagramPacket(question, question.length, new InetSocketAddress(host, port)));
            byte[] buffer = new byte[512];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(reply);
            } catch (SocketTimeoutException noAnswer) {
                throw new AssertionError("no DNS answer from " + host + ":" + port + "/udp", noAnswer);
            }
            return firstAddress(Arrays.copyOf(buffer, reply.getLength()), question.length);
        }
    }

    private static byte[] question(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // id 0x4b51, recursion desired, one question
        out.writeBytes(new byte[] {0x4b, 0x51, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            byte[] text = label.getBytes(StandardCharsets.US_ASCII);
            out.write(text.length);
            out.writeBytes(text);
        }
        out.writeBytes(new byte[] {0, 0, TYPE_A, 0, 1});
        return out.toByteArray();
    }

    /**
     * Skips the echoed question; each answer is a name (labels, or a 2-byte pointer to one), then type, class, TTL,
     * data length and data.
     */
    private static byte[] firstAddress(byte[] reply, int questionLength) {
        int answers = ((reply[6] & 0xff) << 8) | (reply[7] & 0xff);
        int at = questionLength;
        for (int i = 0; i < answers && at < reply.length; i++) {
            at = skipName(reply, at);
            int type = ((reply[at] & 0xff) << 8) | (reply[at + 1] & 0xff);
            int length = ((reply[at + 8] & 0xff) << 8) | (reply[at + 9] & 0xff);
            if (type == TYPE_A && length == 4) {
                return Arrays.copyOfRange(reply, at + FIXED_FIELDS, at + FIXED_FIELDS + 4);
            }
            at += FIXED_FIELDS + length;
        }
        throw new AssertionError("the DNS reply has no A record: " + Arrays.toString(reply));
    }

    private static int skipName(byte[] reply, int at) {
        while ((reply[at] & 0xff) != 0) {
            if ((reply[at] & 0xc0) == 0xc0) {
                return at + 2;
            }
            at += 1 + (reply[at] & 0xff);
        }
        return at + 1;
    }
}
