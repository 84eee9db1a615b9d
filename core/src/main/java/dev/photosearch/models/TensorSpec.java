package dev.photosearch.models;

import java.util.List;

/**
 * A model's input or output as its signature describes it.
 *
 * @param shape dimensions, -1 where unknown; empty when the signature gives none
 */
public record TensorSpec(String name, ElementType type, List<Long> shape) {

    public TensorSpec {
        shape = List.copyOf(shape);
    }
}
