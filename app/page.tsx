import { redirect } from "next/navigation";

// The message search is the console's home.
export default function Home() {
  redirect("/messages");
}
