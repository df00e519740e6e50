/**
 * Where: domains (boxes, disks, polygons) with membership, named boundary parts and normals,
 * measures, distance functions for exact Dirichlet data, error quadrature rules, and how each kind
 * of domain places points for a {@link org.kanpde.solver.geometry.SamplingScheme} (the domain's own
 * geometry; how many points and when is {@link org.kanpde.solver.collocation}).
 */
package org.kanpde.solver.geometry;
