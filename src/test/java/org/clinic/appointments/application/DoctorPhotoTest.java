package org.clinic.appointments.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.clinic.appointments.domain.BookingException;
import org.junit.jupiter.api.Test;

/** Uploads are judged by their content; what is kept is only the pixels, encoded afresh. */
class DoctorPhotoTest {

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, new Color((x * 7) % 256, (y * 5) % 256, 90).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static String refusal(byte[] upload) {
        return assertThrows(BookingException.class, () -> DoctorPhoto.fromUpload(upload)).getMessageKey();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void aPngAndAJpegAreKeptInTheirOwnFormatAndNamedByTheirContent() throws IOException {
        DoctorPhoto png = DoctorPhoto.fromUpload(image("png", 300, 200));
        assertTrue(DoctorPhoto.isName(png.name()) && png.name().endsWith(".png"), png.name());
        assertEquals("image/png", DoctorPhoto.mediaType(png.name()));
        BufferedImage kept = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        assertEquals(300, kept.getWidth());

        DoctorPhoto jpeg = DoctorPhoto.fromUpload(image("jpeg", 64, 64));
        assertTrue(jpeg.name().endsWith(".jpg"), jpeg.name());
        assertEquals("image/jpeg", DoctorPhoto.mediaType(jpeg.name()));
        assertEquals(png.name(), DoctorPhoto.fromUpload(image("png", 300, 200)).name(), "same content, same name");
    }

    @Test
    void aLargePhotoIsKeptAtMost512PixelsASide() throws IOException {
        DoctorPhoto photo = DoctorPhoto.fromUpload(image("jpeg", 1600, 800));
        BufferedImage kept = ImageIO.read(new ByteArrayInputStream(photo.bytes()));
        assertEquals(512, kept.getWidth());
        assertEquals(256, kept.getHeight());
    }

    @Test
    void whatIsNotAPngOrJpegIsRefusedWhateverItsName() throws IOException {
        assertEquals("doctor.photo.empty", refusal(new byte[0]));
        assertEquals("doctor.photo.not_an_image", refusal(image("gif", 20, 20)));
        assertEquals("doctor.photo.not_an_image", refusal(image("bmp", 20, 20)));
        assertEquals("doctor.photo.not_an_image", refusal(("<svg xmlns=\"http://www.w3.org/2000/svg\">"
                + "<script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8)));
        assertEquals("doctor.photo.not_an_image", refusal("<html><script>alert(1)</script></html>"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("doctor.photo.not_an_image", refusal(concat(new byte[] {'G', 'I', 'F', '8', '9', 'a'},
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aBrokenOrTruncatedImageIsRefused() throws IOException {
        byte[] png = image("png", 100, 100);
        assertEquals("doctor.photo.unreadable", refusal(Arrays.copyOf(png, 60)));
        byte[] jpeg = image("jpeg", 100, 100);
        assertEquals("doctor.photo.unreadable", refusal(Arrays.copyOf(jpeg, 20)));
        assertEquals("doctor.photo.unreadable", refusal(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0, 0}));
    }

    @Test
    void aFileOverOneMegabyteIsRefusedBeforeItIsDecoded() throws IOException {
        byte[] padded = concat(image("png", 10, 10), new byte[DoctorPhoto.MAX_BYTES]);
        assertEquals("doctor.photo.too_large", refusal(padded));
    }

    @Test
    void aSmallFileClaimingHugeDimensionsIsRefusedWithoutDecodingIt() {
        assertEquals("doctor.photo.too_many_pixels", refusal(pngHeader(100_000, 100_000)));
    }

    @Test
    void scriptHiddenInAPolyglotDoesNotSurvive() throws IOException {
        byte[] script = "<script>alert(document.cookie)</script><html>".getBytes(StandardCharsets.UTF_8);
        byte[] pngThenHtml = concat(image("png", 40, 40), script);
        byte[] jpegThenHtml = concat(image("jpeg", 40, 40), script);
        for (byte[] polyglot : new byte[][] {pngThenHtml, jpegThenHtml, pngWithTextChunk(script)}) {
            DoctorPhoto kept = DoctorPhoto.fromUpload(polyglot);
            assertFalse(new String(kept.bytes(), StandardCharsets.ISO_8859_1).contains("<script"),
                    "the kept photo holds only pixels");
        }
    }

    /** A PNG's signature and IHDR chunk only, claiming the dimensions given. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, chunk("IHDR", ihdr.array()));
    }

    private static byte[] pngWithTextChunk(byte[] text) throws IOException {
        byte[] png = image("png", 30, 30);
        byte[] body = concat("Comment\0".getBytes(StandardCharsets.ISO_8859_1), text);
        int afterHeader = 8 + 25;
        byte[] withText = concat(Arrays.copyOf(png, afterHeader), chunk("tEXt", body));
        return concat(withText, Arrays.copyOfRange(png, afterHeader, png.length));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }
}
