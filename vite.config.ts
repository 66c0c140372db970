import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The web app: src/web, built into dist/web and served by the Praxis server itself. */
export default defineConfig({
  root: "src/web",
  plugins: [react()],
  build: { outDir: "../../dist/web", emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { "/api": "http://localhost:8080" } },
});
