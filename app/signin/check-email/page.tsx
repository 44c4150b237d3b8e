import Typography from "@mui/material/Typography";
import { EMAIL_LINK_SENT } from "@/lib/auth/messages";

export const metadata = { title: "Check your email", robots: { index: false } };

export default function CheckEmail() {
  return (
    <>
      <Typography variant="h1">Check your email</Typography>
      <Typography sx={{ mt: 1 }}>{EMAIL_LINK_SENT}</Typography>
    </>
  );
}
