package dev.photosearch.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small but faithful {@code tokenizer.json} files: the real pipelines (CLIP's lower-casing, word split, byte-level
 * BPE with a {@code </w>} suffix and start/end tokens; GPT-2's byte-level BPE) over a vocabulary cut down to a few
 * words, with the real ids of those words.
 */
public final class TinyTokenizers {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** CLIP's ids of the start and end tokens. */
    public static final long START = 49406;
    public static final long END = 49407;

    private TinyTokenizers() {}

    /** CLIP's tokenizer for "a photo of a cat/dog"; single letters keep CLIP's byte ids (a = 64, a</w> = 320). */
    public static Path clip(Path file) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (char c = '!'; c <= '~'; c++) {
            vocab.put(String.valueOf(c), c - 33);
            vocab.put(c + "</w>", 256 + c - 33);
        }
        // The words' real CLIP ids (published examples: "a photo of a cat" is 320 1125 539 320 2368).
        vocab.put("photo</w>", 1125);
        vocab.put("of</w>", 539);
        vocab.put("cat</w>", 2368);
        vocab.put("dog</w>", 1929);
        // Intermediate merges, ids made up above the real vocabulary.
        List<String> merges = List.of("p h", "ph o", "t o</w>", "pho to</w>", "o f</w>", "c a", "ca t</w>", "d o",
                "do g</w>");
        int next = 50000;
        for (String merge : merges) {
            String merged = merge.replace(" ", "");
            if (!vocab.containsKey(merged)) {
                vocab.put(merged, next++);
            }
        }
        vocab.put("<|startoftext|>", (int) START);
        vocab.put("<|endoftext|>", (int) END);

        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        added.add(special((int) START, "<|startoftext|>"));
        added.add(special((int) END, "<|endoftext|>"));
        ObjectNode normalizer = root.putObject("normalizer");
        normalizer.put("type", "Sequence");
        ArrayNode norms = normalizer.putArray("normalizers");
        norms.addObject().put("type", "NFC");
        ObjectNode replace = norms.addObject();
        replace.put("type", "Replace");
        replace.putObject("pattern").put("Regex", "\\s+");
        replace.put("content", " ");
        norms.addObject().put("type", "Lowercase");
        ObjectNode pre = root.putObject("pre_tokenizer");
        pre.put("type", "Sequence");
        ArrayNode pres = pre.putArray("pretokenizers");
        ObjectNode split = pres.addObject();
        split.put("type", "Split");
        split.putObject("pattern").put("Regex", "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d"
                + "|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+");
        split.put("behavior", "Removed");
        split.put("invert", true);
        ObjectNode byteLevel = pres.addObject();
        byteLevel.put("type", "ByteLevel");
        byteLevel.put("add_prefix_space", false);
        byteLevel.put("trim_offsets", true);
        byteLevel.put("use_regex", false);
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "RobertaProcessing");
        post.putArray("sep").add("<|endoftext|>").add(END);
        post.putArray("cls").add("<|startoftext|>").add(START);
        post.put("trim_offsets", false);
        post.put("add_prefix_space", false);
        root.putNull("decoder");
        ObjectNode model = bpe(root, vocab, merges);
        model.put("unk_token", "<|endoftext|>");
        model.put("end_of_word_suffix", "</w>");
        return write(file, root);
    }

    /** GPT-2's byte-level tokenizer over ASCII {@code words}: ids from 1 in order ("Ġ" marks a leading space), 0 ends. */
    public static Path gpt2(Path file, List<String> words) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        vocab.put("<|endoftext|>", 0);
        for (String w : words) {
            vocab.put(w, vocab.size());
        }
        // Each word is built left to right from its letters, so every prefix is a token and a merge.
        List<String> merges = new java.util.ArrayList<>();
        for (String w : words) {
            for (int i = 0; i < w.length(); i++) {
                vocab.putIfAbsent(w.substring(i, i + 1), vocab.size());
                if (i > 0) {
                    merges.add(w.substring(0, i) + " " + w.charAt(i));
                    vocab.putIfAbsent(w.substring(0, i + 1), vocab.size());
                }
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        root.putArray("added_tokens").add(special(0, "<|endoftext|>"));
        root.putNull("normalizer");
        ObjectNode pre = root.putObject("pre_tokenizer");
        pre.put("type", "ByteLevel");
        pre.put("add_prefix_space", false);
        pre.put("trim_offsets", true);
        pre.put("use_regex", true);
        root.putNull("post_processor");
        ObjectNode decoder = root.putObject("decoder");
        decoder.put("type", "ByteLevel");
        decoder.put("add_prefix_space", true);
        decoder.put("trim_offsets", true);
        decoder.put("use_regex", true);
        bpe(root, vocab, merges.stream().distinct().toList());
        return write(file, root);
    }

    private static ObjectNode bpe(ObjectNode root, Map<String, Integer> vocab, List<String> merges) {
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.put("continuing_subword_prefix", "");
        model.put("end_of_word_suffix", "");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        ObjectNode v = model.putObject("vocab");
        vocab.forEach(v::put);
        ArrayNode m = model.putArray("merges");
        merges.forEach(m::add);
        return model;
    }

    private static ObjectNode special(int id, String content) {
        ObjectNode token = JSON.createObjectNode();
        token.put("id", id);
        token.put("content", content);
        token.put("single_word", false);
        token.put("lstrip", false);
        token.put("rstrip", false);
        token.put("normalized", false);
        token.put("special", true);
        return token;
    }

    private static Path write(Path file, ObjectNode root) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), root);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
