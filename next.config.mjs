/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole project once (`tsc --noEmit`); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // Loaded by Node at run time on the server, never bundled.
  serverExternalPackages: ['@kubernetes/client-node'],
};

export default nextConfig;
