export async function mineInBrowser(_workspaces: Record<string, string>, _options: { target: number }): Promise<void> {}
