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
  // Loaded by Node at run time on the server, never bundled.
  serverExternalPackages: ['@kubernetes/client-node'],
};

export default nextConfig;
