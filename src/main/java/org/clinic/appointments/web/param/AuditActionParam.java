package org.clinic.appointments.web.param;

import jakarta.faces.convert.FacesConverter;

import org.clinic.appointments.web.admin.AuditBacking;

/** An action of the audit trail's filter in its URL: an appointment's or the schedule's. */
@FacesConverter("param.auditAction")
public class AuditActionParam extends CodeParam {

    public AuditActionParam() {
        super(AuditBacking.ALL_ACTIONS);
    }
}
