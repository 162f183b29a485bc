package uk.frontdoor.triage.staff.pages;

/** Success banners after a POST. */
public final class Notices {

    private Notices() {
    }

    /**
     * @param visible whether the page will already show the change; if the read model is slow, the
     *                worker is told rather than left wondering whether it worked
     */
    public static String done(String what, boolean visible) {
        return visible ? what + "." : what + ". It may take a few seconds to show on this page.";
    }
}
