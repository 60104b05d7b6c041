/** Password hashing is a port: the Node adapter uses scrypt; the domain never sees the algorithm. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}
