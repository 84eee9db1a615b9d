package dev.photosearch.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Path;

/** Opens ONNX Runtime sessions for downloaded models with the same tuned options everywhere. */
public final class OnnxSessions {

    private OnnxSessions() {}

    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    /**
     * Opens {@code model} with full graph optimisation and {@code threads} intra-op threads (0 lets ONNX Runtime
     * use every core). Fails with the file's name when it is not a model ONNX Runtime can run.
     */
    public static OrtSession open(Path model, int threads) throws IOException {
        try (OrtSession.SessionOptions options = options(threads)) {
            return environment().createSession(model.toString(), options);
        } catch (OrtException e) {
            throw new ModelException("cannot load " + model.getFileName() + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Opens a model shipped in the application's resources ({@code name} says which in errors), as above. */
    public static OrtSession open(byte[] model, String name, int threads) throws IOException {
        try (OrtSession.SessionOptions options = options(threads)) {
            return environment().createSession(model, options);
        } catch (OrtException e) {
            throw new ModelException("cannot load " + name + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static OrtSession.SessionOptions options(int threads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(Math.max(0, threads));
            options.setInterOpNumThreads(1);
            return options;
        } catch (OrtException e) {
            options.close();
            throw e;
        }
    }

    /** The name of the output called {@code wanted}, else the session's first output. */
    public static String output(OrtSession session, String wanted) {
        return session.getOutputNames().contains(wanted) ? wanted : session.getOutputNames().iterator().next();
    }

    /** Closes the tensors of one run. */
    public static void close(OnnxTensor... tensors) {
        for (OnnxTensor t : tensors) {
            if (t != null) {
                t.close();
            }
        }
    }

    /** Closes a session at shutdown, when a failure to release it no longer matters. */
    public static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Nothing left to release that matters at shutdown.
        }
    }

    /** Wraps an ONNX Runtime failure during inference. */
    public static IOException failed(String what, OrtException e) {
        return new ModelException(what + " failed: " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
