package dev.photosearch.models;

/** Small vector helpers shared by the model wrappers. */
public final class Vectors {

    private Vectors() {}

    /** A copy scaled to unit length (a zero vector stays zero). */
    public static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }
}
