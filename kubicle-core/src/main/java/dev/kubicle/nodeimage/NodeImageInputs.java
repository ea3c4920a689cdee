package dev.kubicle.nodeimage;

/**
 * What a Kubernetes node image is built from, named by recipe rather than by result: the Kubernetes version, the
 * script that builds the components (which builds the same versions of everything from the same version), the
 * base image's recipe and the node image's recipe. An image labelled with the same {@link #hash()} is current, so
 * a build can be skipped without building anything, nor even having Go at hand.
 */
record NodeImageInputs(String kubernetesVersion, String componentsScriptHash, String baseRecipeHash,
                       String nodeRecipeHash) {
    /** Bump when the way the inputs are turned into an image changes in code, so that old images are not reused. */
    private static final String FORMAT = "kubicle node image inputs 2";

    String hash() {
        return new Sha256().line(FORMAT).line(kubernetesVersion).line(componentsScriptHash).line(baseRecipeHash)
                .line(nodeRecipeHash).hex();
    }
}
