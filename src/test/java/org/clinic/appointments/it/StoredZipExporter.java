package org.clinic.appointments.it;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;

import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Assignable;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.exporter.ZipStoredExporter;

/**
 * The test WARs as Arquillian exports them to deploy, with their entries stored instead of deflated: the WAR's
 * jars are compressed already, and deflating 39 MB again took some 2 s of CPU before every deployment.
 */
public final class StoredZipExporter implements ZipExporter {

    private final Archive<?> archive;

    public StoredZipExporter(Archive<?> archive) {
        this.archive = archive;
    }

    private ZipStoredExporter stored() {
        return archive.as(ZipStoredExporter.class);
    }

    @Override
    public InputStream exportAsInputStream() {
        return stored().exportAsInputStream();
    }

    @Override
    public void exportTo(OutputStream target) {
        stored().exportTo(target);
    }

    @Override
    public void exportTo(File target) {
        stored().exportTo(target);
    }

    @Override
    public void exportTo(File target, boolean overwrite) {
        stored().exportTo(target, overwrite);
    }

    @Override
    public <T extends Assignable> T as(Class<T> type) {
        return archive.as(type);
    }
}
