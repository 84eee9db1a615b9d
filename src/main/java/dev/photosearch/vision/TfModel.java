package dev.photosearch.vision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * A TensorFlow.js graph shipped in the application's resources, imported into one TensorFlow session that serves
 * every thread; closing waits for the runs in progress.
 */
final class TfModel implements AutoCloseable {

    /** One fetched output: its shape and values. */
    record Output(long[] shape, float[] values) {}

    private final TfjsGraph model;
    private final Graph graph;
    private final Session session;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    TfModel(TfjsGraph model) {
        this.model = model;
        this.graph = new Graph();
        try {
            graph.importGraphDef(model.graph());
            this.session = new Session(graph);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** The signature's input shape. */
    List<Long> inputShape() {
        return model.inputShape();
    }

    /** The signature's output names. */
    List<String> outputs() {
        return model.outputs();
    }

    /** Feeds {@code values} in the input's shape and returns the named outputs in order. */
    List<Output> run(float[] values, List<String> fetches) {
        long[] shape = model.inputShape().stream().mapToLong(Long::longValue).toArray();
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the object detector is closed");
            }
            Session.Runner runner = session.runner();
            fetches.forEach(runner::fetch);
            try (TFloat32 tensor = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
                    Result result = runner.feed(model.input(), tensor).run()) {
                List<Output> outputs = new ArrayList<>();
                for (int i = 0; i < fetches.size(); i++) {
                    TFloat32 out = (TFloat32) result.get(i);
                    float[] copy = new float[Math.toIntExact(out.size())];
                    out.copyTo(DataBuffers.of(copy, false, false));
                    outputs.add(new Output(out.shape().asArray(), copy));
                }
                return outputs;
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                session.close();
                graph.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
