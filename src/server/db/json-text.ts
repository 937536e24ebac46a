/**
 * JSON text of a value of type `T`, written already (by the database) and sent as it is: a field
 * of a reply's body may hold one instead of its value, and `jsonResponse` puts the text in
 * without parsing it and writing it again.
 */
export class JsonText<T> {
  declare private readonly of: T;
  constructor(readonly text: string) {}
}
