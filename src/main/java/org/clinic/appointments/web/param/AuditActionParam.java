package org.clinic.appointments.web.param;

import jakarta.faces.convert.FacesConverter;

import org.clinic.appointments.web.admin.AuditBacking;

/** A history action in the audit trail's URL. */
@FacesConverter("param.auditAction")
public class AuditActionParam extends CodeParam {

    public AuditActionParam() {
        super(AuditBacking.ACTIONS);
    }
}
