// The little of nodemailer that lib/auth/options.ts uses (next-auth's e-mail provider peer).
declare module "nodemailer" {
  interface Transport {
    sendMail(message: { to: string; from: string; subject: string; text: string; html?: string }): Promise<unknown>;
  }
  export function createTransport(options: unknown): Transport;
}
