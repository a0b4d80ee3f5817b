package org.clinic.appointments.web;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinic.appointments.application.DoctorDirectory;
import org.clinic.appointments.application.DoctorPhoto;

/**
 * A doctor's kept photo ({@code /doctor-photo/<name>}), for signed-in patients and admins: only its own image type,
 * never run as a page, and downloaded under a fixed name.
 */
@WebServlet("/doctor-photo/*")
public class DoctorPhotoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DoctorDirectory directory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String name = path == null ? null : path.substring(1);
        var photo = directory.photo(name);
        if (photo.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] bytes = photo.get().bytes();
        response.setContentType(DoctorPhoto.mediaType(name));
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setHeader("Content-Disposition", "inline; filename=\"doctor" + name.substring(name.indexOf('.')) + "\"");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
