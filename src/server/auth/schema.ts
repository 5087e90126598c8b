import { z } from 'zod';
import { ROLES } from '../../domain/auth/roles.ts';

export const loginBody = z.object({
  username: z.string().trim().min(1, 'chưa nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'chưa nhập mật khẩu').max(200),
});

export const role = z.enum(ROLES).describe('admin, province (tỉnh), district (huyện, đến 30/06/2025), commune (xã), viewer (chỉ xem)');

export const sessionUserBody = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role,
  unitId: z.number().int().nullable().describe('đơn vị được giao; phạm vi là đơn vị này, các đơn vị trực thuộc và các đơn vị đã hợp thành nó'),
});
export type SessionUserBody = z.infer<typeof sessionUserBody>;

export const userResponse = z.object({ user: sessionUserBody }).describe('Tài khoản đang đăng nhập');
export const loginResponse = userResponse.describe('Đã đăng nhập: cookie phiên chungsuc_session (httpOnly) được đặt');

export const loggedOutEverywhere = z
  .object({ ok: z.literal(true), sessions: z.number().int().describe('số phiên đã đóng') })
  .describe('Đã đóng mọi phiên của tài khoản');
