package org.chartroom.ingest.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import org.chartroom.ingest.testing.Scans;

/** Test pages for preprocessing: a report page, and the ways scanning spoils it (made here, independently). */
final class Pages {
    static final String[] REPORT = {
        "HISTORY OF PRESENT ILLNESS: The patient is a 64-year-old man with chest pain",
        "on exertion for three weeks, relieved by rest. No pain at rest. He denies",
        "shortness of breath, palpitations or syncope. He has hypertension and type 2",
        "diabetes mellitus, treated with metformin 500 mg twice daily and lisinopril.",
        "PHYSICAL EXAMINATION: Blood pressure 148/90, pulse 78 and regular. Heart sounds",
        "are normal without murmur. Lungs are clear. No peripheral oedema.",
        "ASSESSMENT: Stable angina pectoris. PLAN: Exercise stress test, aspirin 81 mg",
        "daily, atorvastatin 40 mg at night. Follow-up in two weeks with the results.",
        "The patient was given written instructions and agrees with the plan of care.",
        "Signed electronically by the attending physician after review of the chart.",
    };

    private Pages() {
    }

    /** A 300 dpi page of the report. */
    static BufferedImage report() {
        return Scans.page(REPORT);
    }

    /** The page turned by {@code degrees} about its centre (clockwise on screen for positive angles), white behind. */
    static BufferedImage tilted(BufferedImage page, double degrees) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(degrees), page.getWidth() / 2.0,
                    page.getHeight() / 2.0), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The back page, mirrored, darkening the front by {@code strength} of its ink, as thin paper lets it through. */
    static BufferedImage showingThrough(BufferedImage front, BufferedImage back, double strength) {
        BufferedImage out = copy(front);
        for (int y = 0; y < Math.min(front.getHeight(), back.getHeight()); y++) {
            for (int x = 0; x < front.getWidth(); x++) {
                int mirrored = back.getWidth() - 1 - x;
                double ink = mirrored >= 0 ? (255 - back.getRaster().getSample(mirrored, y, 0)) * strength : 0;
                out.getRaster().setSample(x, y, 0, (int) Math.max(0, out.getRaster().getSample(x, y, 0) - ink));
            }
        }
        return out;
    }

    static BufferedImage copy(BufferedImage page) {
        BufferedImage copy = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        copy.getRaster().setRect(page.getRaster());
        return copy;
    }

    /** A page shrunk to {@code dpi} (from 300). */
    static BufferedImage atDpi(BufferedImage page, int dpi) {
        int width = page.getWidth() * dpi / 300;
        int height = page.getHeight() * dpi / 300;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(page, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
