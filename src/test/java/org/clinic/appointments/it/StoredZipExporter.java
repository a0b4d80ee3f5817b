package org.clinic.appointments.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.impl.base.exporter.AbstractStreamExporterImpl;

/**
 * Exports a test deployment without compressing it again: the WAR's jars are compressed already, and ShrinkWrap's
 * exporter took about 2 s of each of the suite's deployments to deflate its 40 MB once more.
 */
public final class StoredZipExporter extends AbstractStreamExporterImpl implements ZipExporter {

    public StoredZipExporter(Archive<?> archive) {
        super(archive);
    }

    @Override
    public InputStream exportAsInputStream() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 << 20);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.NO_COMPRESSION);
            for (Map.Entry<ArchivePath, Node> node : new TreeMap<>(getArchive().getContent()).entrySet()) {
                String name = node.getKey().get().substring(1);
                if (node.getValue().getAsset() == null) {
                    zip.putNextEntry(new ZipEntry(name + "/"));
                } else {
                    zip.putNextEntry(new ZipEntry(name));
                    try (InputStream content = node.getValue().getAsset().openStream()) {
                        content.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
