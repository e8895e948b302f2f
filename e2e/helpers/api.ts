import { expect, type Page } from '@playwright/test';

/** Calls the API as the user signed in on this page, with the CSRF token of its cookie; returns the JSON body. */
export async function apiCall<T = unknown>(page: Page, method: 'get' | 'post' | 'patch', path: string, data?: unknown): Promise<T> {
  const cookies = await page.context().cookies();
  const token = cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request.fetch(`/api/v1${path}`, { method, headers: { 'X-XSRF-TOKEN': decodeURIComponent(token) }, ...(data === undefined ? {} : { data }) });
  expect(response.ok(), `${method.toUpperCase()} ${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
  return (await response.json()) as T;
}
