/** Who is signed in, for the whole app; sign-in and sign-out go through here. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";
import * as api from "../api/client";
import type { User } from "../api/types";

export type AuthState =
  | { status: "loading" }
  | { status: "signed-out" }
  | { status: "signed-in"; user: User }
  | { status: "error"; error: unknown };

export interface Auth {
  state: AuthState;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: "loading" });

  useEffect(() => {
    let current = true;
    api.getCurrentUser().then(
      (user) => {
        if (current) setState(user ? { status: "signed-in", user } : { status: "signed-out" });
      },
      (error: unknown) => {
        if (current) setState({ status: "error", error });
      },
    );
    return () => {
      current = false;
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const user = await api.signIn(username, password);
    setState({ status: "signed-in", user });
  }, []);

  const signOut = useCallback(async () => {
    await api.signOut();
    setState({ status: "signed-out" });
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The session helpers; must be used under `AuthProvider`. */
export function useAuth(): Auth {
  const context = useContext(AuthContext);
  if (!context) throw new Error("useAuth must be used inside <AuthProvider>.");
  return context;
}
