# Build stage: the locked dependencies and the build script that `npm run build` runs. The image has
# Node 24 already: --ignore-scripts skips the one install script allowed (the node@24 devDependency's,
# which would fetch a second Node); scripts/check-install-scripts.js keeps it the only one.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.js ./scripts/
COPY src ./src
COPY migrations ./migrations
RUN node scripts/build.js

# Production stage: production dependencies only, non-root, the same start command as `npm run start:prod`.
FROM node:24-slim AS production
ENV NODE_ENV=production \
    PORT=8088 \
    SCOREKEEPER_DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The embedded database (without DATABASE_URL) lives in /data: mount a volume there to keep it.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 8088
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8088) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The V8 heap flags of `npm run start:prod` (docs/decisions.md, "Memory").
CMD ["node", "--max-semi-space-size=8", "--heap-growing-percent=50", "--liftoff-only", "dist/src/main.js"]
