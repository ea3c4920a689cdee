package dev.kubicle.kubeconfig;

/**
 * A text that is not a kubeconfig. The message is the reason alone, with the line where YAML knows it, so that
 * each caller can say which file it was and what to do.
 */
final class InvalidKubeconfigException extends Exception {

    InvalidKubeconfigException(String reason) {
        super(reason);
    }

    InvalidKubeconfigException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
