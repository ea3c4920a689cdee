package dev.kubicle.cluster.internal.nodes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.NodeCommands;

import java.util.ArrayList;
import java.util.List;

/**
 * The members of a cluster's stacked etcd, read and removed on a control plane through etcd's JSON gateway on its
 * client port. Node images carry no etcdctl, but they carry openssl, which speaks TLS with the client certificate
 * kubeadm made for the API server; HTTP/1.0 keeps the answer in one piece (no chunks) and ends the connection.
 */
final class EtcdMembers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUEST = "printf 'POST %s HTTP/1.0\\r\\nContent-Type: application/json\\r\\n"
            + "Content-Length: %s\\r\\n\\r\\n%s' \"$1\" \"${#2}\" \"$2\" | timeout 20 openssl s_client -quiet "
            + "-connect 127.0.0.1:2379 -CAfile /etc/kubernetes/pki/etcd/ca.crt "
            + "-cert /etc/kubernetes/pki/apiserver-etcd-client.crt "
            + "-key /etc/kubernetes/pki/apiserver-etcd-client.key 2>/dev/null";

    /** @param peerUrls where the other members reach it; a member added but never started has no name yet */
    record Member(String id, String name, List<String> peerUrls) {
        /** Whether this is the member of the node of that name and address. */
        boolean of(String node, String address) {
            return name.equals(node) || peerUrls.stream().anyMatch(url -> url.contains("//" + address + ":"));
        }
    }

    private EtcdMembers() {
    }

    static List<Member> list(NodeCommands commands, String controlPlane) {
        List<Member> members = new ArrayList<>();
        for (JsonNode member : call(commands, controlPlane, "/v3/cluster/member/list", "{}").path("members")) {
            List<String> peers = new ArrayList<>();
            member.path("peerURLs").forEach(url -> peers.add(url.asText()));
            members.add(new Member(member.path("ID").asText(), member.path("name").asText(), List.copyOf(peers)));
        }
        return members;
    }

    static void remove(NodeCommands commands, String controlPlane, Member member) {
        call(commands, controlPlane, "/v3/cluster/member/remove", "{\"ID\":\"" + member.id() + "\"}");
    }

    private static JsonNode call(NodeCommands commands, String controlPlane, String path, String body) {
        String answer = commands.run(controlPlane, "sh", "-c", REQUEST, "sh", path, body);
        int end = answer.indexOf("\r\n\r\n");
        if (!answer.startsWith("HTTP/1.0 200") || end < 0) {
            throw failed(controlPlane, path, answer, null);
        }
        try {
            return JSON.readTree(answer.substring(end + 4));
        } catch (JsonProcessingException e) {
            throw failed(controlPlane, path, answer, e);
        }
    }

    private static KubicleException failed(String controlPlane, String path, String answer, Exception cause) {
        return new KubicleException(ExitCode.UNEXPECTED_STATE, "etcd on " + controlPlane + " did not answer " + path
                + " as expected; is its etcd healthy? See 'kubicle export logs'", answer.strip(), cause);
    }
}
