/**
 * Files: trained models ({@link org.kanpde.solver.io.ModelFile}), written atomically and read with
 * validation that names the bad value.
 */
package org.kanpde.solver.io;
