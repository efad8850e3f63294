/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `.../proxy/` is an application's root, not `.../proxy`: Next's 308 to the path without its slash would
  // make a pod path ending in `/` unreachable. The proxy route keeps the slash; pages match either way.
  skipTrailingSlashRedirect: true,
  // A separate output folder lets two builds run side by side in one checkout (default `.next`).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm test` type-checks the whole project once (`tsc --noEmit`); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // The container image (Dockerfile) sets it: the build traces the files the server needs into
  // `<distDir>/standalone`, so the image ships them instead of every dependency.
  ...(process.env.NEXT_OUTPUT === 'standalone' ? { output: 'standalone' } : {}),
  // The console shows no pictures: Next's image optimizer (sharp, 20 MB traced into the image, and its cache
  // under distDir, which is read-only there) stays out.
  images: { unoptimized: true },
  outputFileTracingExcludes: { '*': ['node_modules/sharp/**', 'node_modules/@img/**'] },
  // Loaded by Node at run time on the server, never bundled.
  serverExternalPackages: ['@kubernetes/client-node'],
};

export default nextConfig;
