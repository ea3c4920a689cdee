package dev.kubicle.nodeimage;

import java.util.List;

/**
 * One entry of the node image recipe's images.yaml: how to make an image that nodes hold from the start.
 *
 * @param kubeadmName for an image kubeadm deploys, the last part of its name ("coredns"), else null
 * @param reference   for any other image, its reference, perhaps with {@code ${NAME}} version placeholders; else null
 * @param entrypoint  the image's entrypoint; empty for none (its pods give a command)
 */
record ImageSpec(String kubeadmName, String reference, List<String> entrypoint, List<ImageFile> files) {

    ImageSpec {
        entrypoint = List.copyOf(entrypoint);
        files = List.copyOf(files);
    }

    /** The entry's name in messages. */
    String describe() {
        return kubeadmName != null ? "kubeadm image " + kubeadmName : reference;
    }

    /**
     * A file of the image's single layer, as build-steps.sh lays it out.
     *
     * @param kind        component, resource, node, link or applets (see images.yaml)
     * @param source      what the kind takes the file from
     * @param destination the absolute path in the image
     */
    record ImageFile(String kind, String source, String destination) {
        static final List<String> KINDS = List.of("component", "resource", "node", "link", "applets");

        /** The line build-steps.sh reads. */
        String line() {
            return kind + " " + source + " " + destination;
        }
    }
}
