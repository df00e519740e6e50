/**
 * Quadrature rules on intervals, boxes, disks and triangles, for error metrics that do not depend
 * on the training points.
 */
package org.kanpde.solver.quadrature;
