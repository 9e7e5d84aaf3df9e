# syntax=docker/dockerfile:1
# The Contact Desk relay as a container image (docs/deployment.md, "Running with Docker").
#
#   docker build -t contact-desk-relay:0.1.0 .
#   docker run -d --name contact-desk-relay --restart unless-stopped --init \
#     -p 4410:4410 -v contact-desk-data:/var/lib/contact-desk --env-file relay.env \
#     contact-desk-relay:0.1.0
#
# The base image is pinned by its tag (Node 24 LTS on Debian 12). To pin it byte for byte, add
# the digest the tag points to today (docker buildx imagetools inspect node:24-bookworm-slim)
# to both FROM lines — FROM node:24-bookworm-slim@sha256:<digest> — and move it with each
# Node 24 security release.

# --- Build: the relay and packages/shared compiled, then the relay bundle --------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /src
ENV TURBO_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
# The manifests first, so the installed packages stay cached until they or the lock file change.
COPY package.json package-lock.json ./
COPY apps/relay/package.json apps/relay/
COPY apps/desktop/package.json apps/desktop/
COPY packages/shared/package.json packages/shared/
COPY packages/exports/package.json packages/exports/
COPY packages/sync/package.json packages/sync/
COPY tests/package.json tests/
# The lock file's versions of the relay's packages and the root's build tools, nothing of the
# desktop app; no lifecycle scripts: better-sqlite3's binaries come inside its package, no
# compiler is needed.
RUN npm ci --ignore-scripts --no-audit --no-fund --include-workspace-root --workspace @contact-desk/relay
COPY tsconfig.base.json turbo.json ./
COPY packages/shared packages/shared
COPY apps/relay apps/relay
COPY resources/deploy resources/deploy
COPY scripts/relay-bundle.mjs scripts/
# The same bundle a systemd installation puts at /opt/contact-desk/relay.
RUN node scripts/relay-bundle.mjs /opt/contact-desk/relay

# --- Run: Node and the bundle, nothing else ------------------------------------------------------
FROM node:24-bookworm-slim
LABEL org.opencontainers.image.title="Contact Desk relay" \
      org.opencontainers.image.description="The shared queue of urgent requests between a ministry and the internet platforms: the relay." \
      org.opencontainers.image.documentation="docs/deployment.md"
ENV NODE_ENV=production \
    CONTACT_DESK_HOST=0.0.0.0 \
    CONTACT_DESK_PORT=4410 \
    CONTACT_DESK_DATA_DIR=/var/lib/contact-desk
# The data folder belongs to the relay's user (a named volume takes this owner and mode on first use).
RUN mkdir -p /var/lib/contact-desk \
    && chown 10001:10001 /var/lib/contact-desk \
    && chmod 0700 /var/lib/contact-desk
# Owned by root: the relay's user cannot change its own code.
COPY --from=build /opt/contact-desk/relay /opt/contact-desk/relay
RUN ln -s /opt/contact-desk/relay/bin/relay.mjs /usr/local/bin/relay
USER 10001:10001
WORKDIR /var/lib/contact-desk
VOLUME ["/var/lib/contact-desk"]
EXPOSE 4410
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["node", "/opt/contact-desk/relay/bin/healthcheck.mjs"]
# The relay finishes its group commit and closes its store on SIGTERM: allow it `docker stop -t 30`.
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "/opt/contact-desk/relay/bin/relay.mjs"]
CMD ["serve"]
