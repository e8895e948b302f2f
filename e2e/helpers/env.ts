export const port = Number(process.env['E2E_PORT'] ?? 3199);
export const baseURL = `http://127.0.0.1:${port}`;
export const admin = { email: 'admin@e2e.passerelles.local', password: 'e2e-admin-password-1234' };
