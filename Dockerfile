# syntax=docker/dockerfile:1
# The ALIS registry: one image with the API (api/dist), the built admin app (admin-ui/dist), the
# SQL migrations and the reference data. `docker compose up` runs it with PostgreSQL 15.
#
#   docker build -t alis-registry .
#   docker run -p 3000:3000 -e DATABASE_URL=... -e JWT_SECRET=... -e ADMIN_EMAIL=... -e ADMIN_PASSWORD=... alis-registry
# Without DATABASE_URL it runs on the embedded engine in /app/data: mount a volume there to keep it.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- pnpm on Node 20 -------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS pnpm
ENV CI=true
RUN npm install -g pnpm@10.34.9 && pnpm --version
WORKDIR /app
# The workspace's manifests and lockfile alone, so the dependency layers stay cached until they change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY shared/package.json shared/
COPY admin-ui/package.json admin-ui/
COPY api/package.json api/

# --- build: every dependency, then shared (checked), admin-ui/dist and api/dist --------------------
FROM pnpm AS build
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --store-dir /pnpm/store
COPY . .
RUN pnpm build

# --- production dependencies of the API only (the bundle inlines @alis/shared) ---------------------
FROM pnpm AS prod-deps
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm install --prod --frozen-lockfile --store-dir /pnpm/store --filter @alis/api...

# --- runtime -----------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
# Code and dependencies belong to root and are read-only for the process; it writes only to
# DATA_DIR (the embedded database, when no DATABASE_URL is given).
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/api/node_modules ./api/node_modules
COPY --from=build /app/api/package.json ./api/package.json
COPY --from=build /app/api/dist ./api/dist
COPY --from=build /app/admin-ui/dist ./admin-ui/dist
COPY migrations ./migrations
COPY seed ./seed
RUN mkdir -p /app/data && chown node:node /app/data
# The `node` user (uid 1000) comes with the Node image.
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The server itself handles SIGTERM (finishes in-flight requests, closes the pool). The config
# finds migrations/, seed/ and admin-ui/dist two levels above api/dist, i.e. in /app.
# The heap limit as in `pnpm start` (api/package.json; README "Speed"): V8 collects sooner, the memory stays lower.
CMD ["node", "--max-old-space-size=512", "--min-semi-space-size=16", "--max-semi-space-size=16", "api/dist/server.js"]
