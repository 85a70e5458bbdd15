import nodemailer from 'nodemailer'

export interface Mail {
  to: string
  subject: string
  text: string
  headers?: Record<string, string>
}

/** Sends mail. Present only where SMTP is configured: without it, the features that mail are hidden. */
export interface Mailer {
  send(mail: Mail): Promise<void>
}

/** A mailer over SMTP, e.g. SMTP_URL=smtps://user:password@smtp.example.fi:465. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url)
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers })
    },
  }
}
