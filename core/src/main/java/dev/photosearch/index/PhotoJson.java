package dev.photosearch.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.photosearch.source.MediaLocation;

/** Reads and writes {@link IndexedPhoto} as the JSON kept in the index's stored field. */
public final class PhotoJson {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = MediaLocation.LocalFile.class, name = "file"),
        @JsonSubTypes.Type(value = MediaLocation.ZipEntry.class, name = "zip"),
        @JsonSubTypes.Type(value = MediaLocation.Remote.class, name = "url")
    })
    private interface MediaLocationMixin {}

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .addMixIn(MediaLocation.class, MediaLocationMixin.class)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PhotoJson() {}

    /** The photo as the JSON every store keeps of it. */
    public static String write(IndexedPhoto photo) {
        try {
            return MAPPER.writeValueAsString(photo);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise photo " + photo.photo().id(), e);
        }
    }

    /** Parses a stored photo; the index wrote it, so a failure is a corrupt index. */
    public static IndexedPhoto read(String json) {
        try {
            return MAPPER.readValue(json, IndexedPhoto.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt stored photo in the index: " + e.getOriginalMessage(), e);
        }
    }
}
