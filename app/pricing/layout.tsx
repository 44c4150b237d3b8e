// MUI for this route only: see components/theme/FormsLayout.tsx.
export { default } from "@/components/theme/FormsLayout";
