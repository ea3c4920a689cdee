package dev.kubicle.nodeimage;

/** The parts of an image reference that the node image build matches on. */
final class ImageNames {
    private ImageNames() {
    }

    /**
     * The last part of the name, without registry, path or tag: "coredns" for
     * {@code registry.k8s.io/coredns/coredns:v1.14.6}.
     */
    static String shortName(String reference) {
        String name = reference.substring(reference.lastIndexOf('/') + 1);
        int tag = name.indexOf(':');
        return tag < 0 ? name : name.substring(0, tag);
    }
}
