package org.kanpde.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = KanPde.class.getPackage().getImplementationVersion();
        return new String[] {"kanpde " + (v == null ? "development build" : v),
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
    }
}
