# The console's container image. Three stages: `build` compiles with every dev dependency, `node` takes the
# Node binary and the shared libraries it links out of the runtime base, and the image itself holds only
# those and the assembled app (scripts/image/assemble.mjs): no shell, no package manager, no TypeScript,
# no dev dependency, no test helper.
#
# Both bases are build arguments, so a build can use a base made elsewhere (scripts/image/ makes one from
# Debian's mirror and the npm registry when no registry is reachable). Any Debian- or Ubuntu-based Node 22
# image with /usr/local/bin/node, sh and ldd will do.
ARG BUILD_IMAGE=node:22-bookworm-slim
ARG RUNTIME_IMAGE=node:22-bookworm-slim

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Next traces what its server loads into .next/standalone; assemble adds the custom server, bundled, and
# what it loads. The result is /app.
RUN NEXT_OUTPUT=standalone npx next build && node scripts/image/assemble.mjs /app

FROM ${RUNTIME_IMAGE} AS node
# /tmp is the only place the console may write (mounted as a volume); created here because the image has no
# shell to create it with, sticky and world-writable as usual.
# The user has a name (in /etc/passwd) so that nothing has to add one at run time, and the files container
# runtimes mount over or add (hosts, resolv.conf, hostname, mtab) exist, so the read-only root stays unchanged.
RUN mkdir -p /rootfs/usr/local/bin /rootfs/tmp /rootfs/etc \
 && chmod 1777 /rootfs/tmp \
 && echo 'pilothouse:x:10001:10001:Pilothouse:/tmp:/sbin/nologin' > /rootfs/etc/passwd \
 && echo 'pilothouse:x:10001:' > /rootfs/etc/group \
 && touch /rootfs/etc/hosts /rootfs/etc/resolv.conf /rootfs/etc/hostname \
 && ln -s /proc/mounts /rootfs/etc/mtab \
 && cp /usr/local/bin/node /rootfs/usr/local/bin/node \
 && ldd /usr/local/bin/node | grep -o '/[^ ]*' | xargs -I '{}' cp --parents -L '{}' /rootfs

FROM scratch
COPY --from=node /rootfs /
# Owned by root and read-only to the console's user: it cannot change its own code, even with a writable root.
COPY --from=build /app /app
WORKDIR /app
# HOST=0.0.0.0: a console reachable from outside its container must know who its users are. It refuses to
# start unless PILOTHOUSE_AUTH is token or proxy (with PILOTHOUSE_SESSION_SECRET), or explicitly none.
# HOME=/tmp: nothing else is writable (and ~/.kube/config, when mounted, is read from HOME).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    HOME=/tmp \
    NEXT_TELEMETRY_DISABLED=1
USER 10001:10001
EXPOSE 3000
ENTRYPOINT ["/usr/local/bin/node", "server/standalone.mjs"]
