package org.clinic.appointments.application;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.clinic.appointments.domain.BookingException;

/**
 * A doctor's photo as the clinic keeps it. An upload is accepted by its content alone (never its name or declared
 * type): a PNG or JPEG of at most 1 MB whose pixels decode. What is kept is those pixels drawn again (at most
 * {@value #SIDE} pixels a side) and encoded afresh, so no metadata, script or second file hidden in the upload
 * survives. Its name is derived from its content.
 */
public record DoctorPhoto(String name, byte[] bytes) {

    public static final int MAX_BYTES = 1024 * 1024;
    static final int SIDE = 512;
    private static final long MAX_PIXELS = 50_000_000L;
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}\\.(png|jpg)");

    private enum Format {
        PNG("png", "png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
        JPEG("jpeg", "jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

        final String imageIoName;
        final String extension;
        final String mediaType;
        final byte[] signature;

        Format(String imageIoName, String extension, String mediaType, byte[] signature) {
            this.imageIoName = imageIoName;
            this.extension = extension;
            this.mediaType = mediaType;
            this.signature = signature;
        }

        static Optional<Format> of(byte[] bytes) {
            for (Format format : values()) {
                if (bytes.length >= format.signature.length
                        && java.util.Arrays.equals(bytes, 0, format.signature.length, format.signature, 0,
                                format.signature.length)) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    /** The photo to keep for this upload; a {@code BookingException} says why there is none. */
    public static DoctorPhoto fromUpload(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new BookingException("doctor.photo.empty");
        }
        if (upload.length > MAX_BYTES) {
            throw new BookingException("doctor.photo.too_large");
        }
        Format format = Format.of(upload).orElseThrow(() -> new BookingException("doctor.photo.not_an_image"));
        BufferedImage pixels = decode(upload, format);
        byte[] kept = encode(redrawn(pixels, format), format);
        return new DoctorPhoto(digest(kept) + "." + format.extension, kept);
    }

    /** Whether the text is the name of a kept photo (and so safe as a file name). */
    public static boolean isName(String text) {
        return text != null && NAME.matcher(text).matches();
    }

    /** The media type of a kept photo, by its name. */
    public static String mediaType(String name) {
        return name.endsWith(".png") ? Format.PNG.mediaType : Format.JPEG.mediaType;
    }

    private static BufferedImage decode(byte[] upload, Format format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No " + format + " reader in this Java runtime");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
                throw new BookingException("doctor.photo.too_many_pixels");
            }
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BookingException refusal) {
                throw refusal;
            }
            throw new BookingException("doctor.photo.unreadable", e);
        } finally {
            reader.dispose();
        }
    }

    private static BufferedImage redrawn(BufferedImage pixels, Format format) {
        double scale = Math.min(1.0, (double) SIDE / Math.max(pixels.getWidth(), pixels.getHeight()));
        int width = Math.max(1, (int) Math.round(pixels.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(pixels.getHeight() * scale));
        BufferedImage out = new BufferedImage(width, height,
                format == Format.PNG ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(pixels, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] encode(BufferedImage image, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image, format.imageIoName, out)) {
                throw new IllegalStateException("No " + format + " writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
