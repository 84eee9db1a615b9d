package dev.photosearch.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ExifReaderTest {

    private final ExifReader reader = new ExifReader();

    @Test
    void readsDateCameraGpsAndOrientation() {
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(40, 20),
                new TestImages.ExifSpec("Apple", "iPhone XR", 6, "2021:07:14 18:30:05", 48.8584, -2.2945));

        Exif exif = reader.read(jpeg);

        assertEquals(LocalDateTime.of(2021, 7, 14, 18, 30, 5), exif.takenAt());
        assertEquals("Apple iPhone XR", exif.camera());
        assertEquals(48.8584, exif.latitude(), 1e-4);
        assertEquals(-2.2945, exif.longitude(), 1e-4);
        assertEquals(6, exif.orientation());
    }

    @Test
    void ignoresNullIslandAndUnsetClock() {
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(40, 20),
                new TestImages.ExifSpec("Canon", "Canon EOS R5", 1, "0000:00:00 00:00:00", 0, 0));

        Exif exif = reader.read(jpeg);

        assertNull(exif.latitude());
        assertNull(exif.longitude());
        assertNull(exif.takenAt());
        assertEquals("Canon EOS R5", exif.camera());
    }

    @Test
    void noMetadataOrGarbageGivesNone() {
        assertSame(Exif.NONE, reader.read(TestImages.encode(TestImages.halves(8, 8), "png")));
        assertSame(Exif.NONE, reader.read(new byte[] {1, 2, 3, 4, 5}));
        assertSame(Exif.NONE, reader.read(new byte[0]));
    }

    @Test
    void cameraDoesNotRepeatTheBrand() {
        assertEquals("Apple iPhone XR", ExifReader.camera("Apple", "iPhone XR"));
        assertEquals("Apple iPhone 12", ExifReader.camera("Apple", "Apple iPhone 12"));
        assertEquals("NIKON D750", ExifReader.camera("NIKON CORPORATION", "NIKON D750"));
        assertEquals("FUJIFILM X-T3", ExifReader.camera(" FUJIFILM\0", "X-T3 "));
        assertEquals("Sony", ExifReader.camera("Sony", null));
        assertEquals("DSC-RX100", ExifReader.camera(null, "DSC-RX100"));
        assertNull(ExifReader.camera("", " "));
    }
}
