/** The server's settings, read once from the environment. Each one is listed in the README. */
export interface ServerConfig {
  host: string;
  port: number;
  dev: boolean;
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got ${JSON.stringify(env.PORT)}`);
  }
  return {
    // Secure by default: only this machine can reach the console unless HOST says otherwise.
    host: env.HOST || '127.0.0.1',
    port,
    dev: argv.includes('--dev') || env.NODE_ENV === 'development',
  };
}
