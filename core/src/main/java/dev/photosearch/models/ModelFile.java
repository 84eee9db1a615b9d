package dev.photosearch.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One file of a catalogued model.
 *
 * @param path     path inside the model's repository, and inside its folder once installed ("onnx/text_model.onnx")
 * @param role     what the code uses it for ("vision", "text", "tokenizer", ...)
 * @param approxMb the size the hosting page shows, for people
 * @param size     exact byte count when known, else null
 * @param sha256   hex SHA-256 when known, else null (then the first install records it)
 * @param comment  where a figure comes from, or what is not verified
 */
public record ModelFile(String path, String role, @JsonProperty("approx_mb") double approxMb, Long size,
        String sha256, String comment) {

    /** The file name without its folders. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
